package com.lavish.customers;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One of a customer's saved addresses, keyed by Shopify's address id within the customer. What locates or names a
 * person is stored encrypted ({@link EncryptedColumns}); province and country stay clear.
 */
@Entity
@Table(name = "customer_address")
public class CustomerAddress {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    public Customer customer;

    public String shopDomain;
    public long shopifyAddressId;
    @Convert(converter = EncryptedColumns.AddressFirstName.class)
    public String firstName;
    @Convert(converter = EncryptedColumns.AddressLastName.class)
    public String lastName;
    @Convert(converter = EncryptedColumns.AddressCompany.class)
    public String company;
    @Convert(converter = EncryptedColumns.AddressAddress1.class)
    public String address1;
    @Convert(converter = EncryptedColumns.AddressAddress2.class)
    public String address2;
    @Convert(converter = EncryptedColumns.AddressCity.class)
    public String city;
    public String province;
    public String provinceCode;
    public String country;
    public String countryCode;
    @Convert(converter = EncryptedColumns.AddressZip.class)
    public String zip;
    @Convert(converter = EncryptedColumns.AddressPhone.class)
    public String phone;
    public boolean isDefault;
}
