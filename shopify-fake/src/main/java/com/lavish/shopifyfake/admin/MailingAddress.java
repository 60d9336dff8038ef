package com.lavish.shopifyfake.admin;

import java.util.Map;

/** A postal address: a customer's, or where a contract ships. */
final class MailingAddress extends Entity {

    MailingAddress(long id) {
        super("MailingAddress", id);
    }

    /** An address in Sydney (the Lavish shop's city), in the phone range Australia reserves for fiction. */
    static MailingAddress inSydney(long id, String firstName, String lastName) {
        MailingAddress address = new MailingAddress(id);
        address.put("firstName", firstName);
        address.put("lastName", lastName);
        address.put("name", firstName + " " + lastName);
        address.put("address1", "88 George Street");
        address.put("address2", null);
        address.put("city", "Sydney");
        address.put("province", "New South Wales");
        address.put("provinceCode", "NSW");
        address.put("country", "Australia");
        address.put("countryCodeV2", "AU");
        address.put("zip", "2000");
        address.put("phone", "+61 2 5550 0123");
        address.put("company", null);
        return address;
    }

    /** An address from a {@code MailingAddressInput} (null: an empty one). */
    static MailingAddress of(long id, Map<String, Object> input) {
        MailingAddress address = new MailingAddress(id);
        Map<String, Object> in = input == null ? Map.of() : input;
        address.put("firstName", in.get("firstName"));
        address.put("lastName", in.get("lastName"));
        address.put(
                "name",
                ((in.get("firstName") == null ? "" : in.get("firstName") + " ")
                                + (in.get("lastName") == null ? "" : in.get("lastName")))
                        .trim());
        address.put("address1", in.get("address1"));
        address.put("address2", in.get("address2"));
        address.put("city", in.get("city"));
        address.put("provinceCode", in.get("provinceCode"));
        address.put("province", in.get("provinceCode"));
        address.put("countryCodeV2", in.get("countryCode"));
        address.put("country", in.get("countryCode"));
        address.put("zip", in.get("zip"));
        address.put("phone", in.get("phone"));
        address.put("company", in.get("company"));
        return address;
    }
}
