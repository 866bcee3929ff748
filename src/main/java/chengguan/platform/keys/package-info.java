/**
 * Secret keys the platform keeps outside its database: the key of the case history chain today, an encryption key
 * for residents' personal data later. Each key has an id, so a key can be rotated while rows sealed with the old one
 * stay verifiable.
 */
@org.springframework.modulith.NamedInterface("keys")
package chengguan.platform.keys;
