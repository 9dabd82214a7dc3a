import Harness
import ServingAndFinetuning

/// Exercise KVCacheSizing: the bytes of the key-value cache, per token, sequence and batch, and
/// the largest batch a device holds beside the weights.
///
/// Read Lessons/ServingAndFinetuning.md, section "The key-value cache", then replace each
/// `throw` with your code. Check your work with `workbook check KVCacheSizing`.
/// The contract, with every rule the grader checks:
/// Sources/ServingAndFinetuning/Contracts/KVCacheSizing.swift.
public struct KVCacheCalculator: KVCacheSizing {
  public init() {}

  public func bytesPerToken(_ model: AttentionConfig) throws -> Int {
    throw Unimplemented(lesson: "ServingAndFinetuning", section: "The key-value cache")
  }

  public func bytesPerSequence(_ model: AttentionConfig, tokens: Int) throws -> Int {
    throw Unimplemented(lesson: "ServingAndFinetuning", section: "The key-value cache")
  }

  public func bytesPerBatch(_ model: AttentionConfig, tokens: Int, batch: Int) throws -> Int {
    throw Unimplemented(lesson: "ServingAndFinetuning", section: "The key-value cache")
  }

  public func largestBatch(
    _ model: AttentionConfig, tokens: Int, deviceBytes: Int, weightBytes: Int
  ) throws -> Int {
    throw Unimplemented(lesson: "ServingAndFinetuning", section: "The key-value cache")
  }
}
