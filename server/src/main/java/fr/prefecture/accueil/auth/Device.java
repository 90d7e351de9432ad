package fr.prefecture.accueil.auth;

/** A paired device: its kind, and the screen id or gate id it is bound to. */
public record Device(long id, DeviceKind kind, String target, String name) {}
