import Harness
import ServingAndFinetuning

/// Reference solution of KVCacheSizing: the closed forms of the lesson.
public struct KVCacheCalculator: KVCacheSizing {
  public init() {}

  public func bytesPerToken(_ model: AttentionConfig) throws -> Int {
    try validate(model)
    // A key and a value per kv head per layer: grouped-query attention shrinks only kvHeads.
    return 2 * model.layers * model.kvHeads * model.headDim * model.bytesPerElement
  }

  public func bytesPerSequence(_ model: AttentionConfig, tokens: Int) throws -> Int {
    try requireNonNegative(tokens, "tokens")
    return try bytesPerToken(model) * tokens
  }

  public func bytesPerBatch(_ model: AttentionConfig, tokens: Int, batch: Int) throws -> Int {
    try requireNonNegative(batch, "batch")
    return try bytesPerSequence(model, tokens: tokens) * batch
  }

  public func largestBatch(
    _ model: AttentionConfig, tokens: Int, deviceBytes: Int, weightBytes: Int
  ) throws -> Int {
    try requireNonNegative(deviceBytes, "deviceBytes")
    try requireNonNegative(weightBytes, "weightBytes")
    let perSequence = try bytesPerSequence(model, tokens: tokens)
    let left = deviceBytes - weightBytes
    guard left > 0, perSequence > 0 else { return 0 }
    return left / perSequence
  }

  private func validate(_ model: AttentionConfig) throws {
    let counts = [
      model.layers, model.queryHeads, model.kvHeads, model.headDim, model.bytesPerElement,
    ]
    guard counts.allSatisfy({ $0 > 0 }) else {
      throw ServingError.invalidConfiguration("every count must be positive: \(model)")
    }
    guard model.queryHeads % model.kvHeads == 0 else {
      throw ServingError.invalidConfiguration(
        "\(model.kvHeads) kv heads do not divide \(model.queryHeads)")
    }
  }

  private func requireNonNegative(_ value: Int, _ name: String) throws {
    guard value >= 0 else { throw ServingError.invalidConfiguration("\(name) = \(value) < 0") }
  }
}
