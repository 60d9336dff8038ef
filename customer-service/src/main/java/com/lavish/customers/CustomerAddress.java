package com.lavish.customers;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One of a customer's saved addresses, keyed by Shopify's address id within the customer. */
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
    public String firstName;
    public String lastName;
    public String company;
    public String address1;
    public String address2;
    public String city;
    public String province;
    public String provinceCode;
    public String country;
    public String countryCode;
    public String zip;
    public String phone;
    public boolean isDefault;
}
