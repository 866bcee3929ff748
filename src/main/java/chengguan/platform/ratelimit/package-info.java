/** Request rate limits shared by all nodes (Bucket4j buckets kept in the database). */
@org.springframework.modulith.NamedInterface("ratelimit")
package chengguan.platform.ratelimit;
