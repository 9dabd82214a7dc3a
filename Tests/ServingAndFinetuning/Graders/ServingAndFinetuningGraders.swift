import Harness
import ServingAndFinetuning

/// The graders of the ServingAndFinetuning topic, bound to one edition's implementations.
public enum ServingAndFinetuningGraders {
  /// Every exercise of the topic, in the lesson's order, graded against the given
  /// implementations. The paged cache is stateful, so the graders get its type and make a fresh
  /// one over a fresh pool for every check.
  public static func exercises<Cache: PagedKVCache>(
    sizing: some KVCacheSizing & Sendable, pagedCache: Cache.Type,
    lora: some LoRALinear & Sendable, quantizer: some Int4AndNF4 & Sendable,
    adam: some Adam8bit & Sendable
  ) -> [Exercise] {
    let lesson = "ServingAndFinetuning"
    let cache = CacheType(type: pagedCache)
    return [
      Exercise(name: "KVCacheSizing", lesson: lesson, section: "The key-value cache") {
        gradeKVCacheSizing(sizing, $0)
      },
      Exercise(name: "PagedKVCache", lesson: lesson, section: "Paging the cache") {
        gradePagedKVCache(cache.type, $0)
      },
      Exercise(name: "LoRALinear", lesson: lesson, section: "LoRA") {
        gradeLoRALinear(lora, $0)
      },
      Exercise(name: "Int4AndNF4", lesson: lesson, section: "Four-bit weights") {
        gradeInt4AndNF4(quantizer, $0)
      },
      Exercise(name: "Adam8bit", lesson: lesson, section: "Eight-bit optimizer state") {
        gradeAdam8bit(adam, $0)
      },
    ]
  }
}

/// A metatype carried into a `@Sendable` grading closure. A metatype holds no state (each check
/// makes its own cache), so sharing it across threads is safe.
private struct CacheType<Cache: PagedKVCache>: @unchecked Sendable {
  let type: Cache.Type
}
