/** Request rate limits shared by all nodes (Bucket4j buckets in memory on one node, in Redis across nodes). */
@org.springframework.modulith.NamedInterface("ratelimit")
package chengguan.platform.ratelimit;
