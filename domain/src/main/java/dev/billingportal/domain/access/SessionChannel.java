package dev.billingportal.domain.access;

/**
 * Where a session was opened and may be used: the API (a bearer token) or the web pages (a cookie). A token of
 * one channel never works in the other, so each channel keeps its own timeouts and its own defences.
 */
public enum SessionChannel {
    API, WEB
}
