import Harness
import ServingAndFinetuning

/// The graders of the ServingAndFinetuning topic, bound to one edition's implementations.
public enum ServingAndFinetuningGraders: TopicGraders {
  /// The kit's errors, which the graders catch by type.
  public static var replayableErrors: [any (Error & Codable).Type] { [ServingError.self] }

  /// Every exercise of the topic, in the lesson's order, graded against the given
  /// implementations. The paged cache is stateful, so the graders get its type and make a fresh
  /// one over a fresh pool for every check.
  public static func exercises(_ edition: ServingAndFinetuningEdition) -> [Exercise] {
    Exercise.lesson(
      "ServingAndFinetuning",
      [
        ("KVCacheSizing", "The key-value cache", { gradeKVCacheSizing(edition.sizing, $0) }),
        ("PagedKVCache", "Paging the cache", { gradePagedKVCache(edition.pagedCache, $0) }),
        ("LoRALinear", "LoRA", { gradeLoRALinear(edition.lora, $0) }),
        ("Int4AndNF4", "Four-bit weights", { gradeInt4AndNF4(edition.quantizer, $0) }),
        ("Adam8bit", "Eight-bit optimizer state", { gradeAdam8bit(edition.adam, $0) }),
      ])
  }
}

/// One implementation of each ServingAndFinetuning contract: an edition (Exercises/ or
/// Solutions/), the solutions with a mutant in one place, or the proxies in front of either.
/// The paged cache is stateful, so the grader gets its type and makes a fresh one over a fresh
/// pool for every check.
public typealias ServingAndFinetuningEdition = (
  sizing: any KVCacheSizing & Sendable, pagedCache: any (PagedKVCache & SendableMetatype).Type,
  lora: any LoRALinear & Sendable, quantizer: any Int4AndNF4 & Sendable,
  adam: any Adam8bit & Sendable
)
