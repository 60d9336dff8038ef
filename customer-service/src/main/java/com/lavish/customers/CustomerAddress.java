package com.lavish.customers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

/**
 * One of a customer's saved addresses, keyed by Shopify's address id within the customer. What locates or names a
 * person is stored encrypted and bound to the row ({@link EncryptedColumns}), filled in plaintext when the address is
 * loaded; province and country stay clear. Only read here; {@code CustomerWrites} writes the rows.
 */
@Entity
@Table(name = "customer_address")
@EntityListeners(EncryptedColumns.AddressPersonalData.class)
public class CustomerAddress {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    public Customer customer;

    public String shopDomain;
    /** The customer's Shopify id, with the shop and the address id the key its personal values are bound to. */
    public long customerShopifyId;

    public long shopifyAddressId;

    @Transient
    public String firstName;

    @Transient
    public String lastName;

    @Transient
    public String company;

    @Transient
    public String address1;

    @Transient
    public String address2;

    @Transient
    public String city;

    public String province;
    public String provinceCode;
    public String country;
    public String countryCode;

    @Transient
    public String zip;

    @Transient
    public String phone;

    public boolean isDefault;

    // the columns as stored: ciphertext, never written through the entity
    @Column(name = "first_name", insertable = false, updatable = false)
    String storedFirstName;

    @Column(name = "last_name", insertable = false, updatable = false)
    String storedLastName;

    @Column(name = "company", insertable = false, updatable = false)
    String storedCompany;

    @Column(name = "address1", insertable = false, updatable = false)
    String storedAddress1;

    @Column(name = "address2", insertable = false, updatable = false)
    String storedAddress2;

    @Column(name = "city", insertable = false, updatable = false)
    String storedCity;

    @Column(name = "zip", insertable = false, updatable = false)
    String storedZip;

    @Column(name = "phone", insertable = false, updatable = false)
    String storedPhone;
}
