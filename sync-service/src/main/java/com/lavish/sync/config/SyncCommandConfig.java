package com.lavish.sync.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How commands are carried out: {@code sync.commands.*}. */
@ConfigMapping(prefix = "sync.commands")
public interface SyncCommandConfig {

    /**
     * The {@code actor} sent with contract status changes and edits (CUSTOMER, MERCHANT or PARTNER); unset leaves
     * Shopify's default. SyncCommand names no actor, so one setting serves all.
     */
    @WithDefault("PARTNER")
    Optional<String> contractActor();

    /**
     * Record keys of one poll whose commands go to Shopify side by side (each key's own stay in order). Vert.x's web
     * client keeps 5 connections to a shop, and the shop's throttle bucket paces them all.
     */
    @WithDefault("5")
    int concurrency();

    /**
     * How often a selling plan group creation is tried when its answer is lost (each try first looks for the group
     * the previous one may have made).
     */
    @WithDefault("4")
    int createAttempts();

    /** The wait before the second try of a creation whose answer was lost; doubled for each further one. */
    @WithDefault("500ms")
    Duration createBackoff();

    /** How far before its first send a lost creation is looked for (clocks of Shopify and ours differ a little). */
    @WithDefault("10m")
    Duration createLookupMargin();

    /** Pages of selling plan groups a lookup reads at most. */
    @WithDefault("20")
    int createLookupPages();
}
