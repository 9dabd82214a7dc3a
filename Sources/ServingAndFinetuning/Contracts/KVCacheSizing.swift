/// The contract of the KVCacheSizing exercise: how many bytes the key-value cache takes.
///
/// The rules, as the lesson states them:
/// - bytes per token = 2 (a key and a value) × layers × kvHeads × headDim × bytesPerElement;
/// - a sequence of `tokens` tokens keeps every token's keys and values: tokens × that;
/// - a batch keeps one cache per sequence: batch × that;
/// - the largest batch of `tokens`-token sequences that fits beside the weights is
///   ⌊(deviceBytes − weightBytes) / bytes per sequence⌋, and 0 when the weights alone do not fit.
///
/// Every method throws `ServingError.invalidConfiguration` when a count in the model is ≤ 0 or
/// `kvHeads` does not divide `queryHeads`, and when `tokens`, `batch` or a byte count is negative.
public protocol KVCacheSizing {
  /// Bytes of keys and values one token adds, over all layers.
  func bytesPerToken(_ model: AttentionConfig) throws -> Int
  /// Bytes the cache of one sequence of `tokens` tokens takes.
  func bytesPerSequence(_ model: AttentionConfig, tokens: Int) throws -> Int
  /// Bytes the caches of `batch` sequences of `tokens` tokens each take.
  func bytesPerBatch(_ model: AttentionConfig, tokens: Int, batch: Int) throws -> Int
  /// The most `tokens`-token sequences whose caches fit in `deviceBytes` after `weightBytes`.
  func largestBatch(_ model: AttentionConfig, tokens: Int, deviceBytes: Int, weightBytes: Int)
    throws -> Int
}
