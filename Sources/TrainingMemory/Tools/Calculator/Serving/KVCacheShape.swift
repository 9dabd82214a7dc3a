import Drawing
import Units

/// What the KV cache of a decoder keeps per token: a key and a value vector per layer and
/// key/value head, `2 · layers · kvHeads · headDim` elements.
public struct KVCacheShape: Equatable, Sendable {
  /// Decoder layers.
  public let layers: UInt64
  /// Key/value heads (the query heads for multi-head attention).
  public let kvHeads: UInt64
  /// Size of one head.
  public let headDim: UInt64
  /// How each element is stored.
  public let precision: KVPrecision

  /// Bytes per token of one sequence, all layers: 2 · L · kv_heads · head_dim · bytes.
  ///
  /// - Throws: `TrainingMemoryError` beyond 64 bits.
  public func bytesPerToken() throws -> UInt64 {
    let elements = try Checked.multiply(
      try Checked.multiply(2 * layers, kvHeads, "KV cache elements"), headDim, "KV cache elements")
    return try Checked.multiply(elements, precision.bytes, "the KV cache bytes per token")
  }

  /// Bytes for `batch` sequences of `context` tokens.
  ///
  /// - Throws: `TrainingMemoryError` beyond 64 bits.
  public func bytes(context: UInt64, batch: UInt64) throws -> UInt64 {
    try Checked.multiply(
      try Checked.multiply(try bytesPerToken(), context, "the KV cache bytes"), batch,
      "the KV cache bytes")
  }

  /// The convention with the numbers, one line for the report.
  public var convention: String {
    let perToken = (try? bytesPerToken()).map { FigureText.grouped($0) } ?? "?"
    return "KV cache: 2 (K, V) · \(layers) layers · \(kvHeads) kv heads · \(headDim) head_dim · "
      + "\(precision.bytes) B (\(precision.rawValue)) = \(perToken) B per token"
  }
}

/// The element type of the KV cache (`--kv-precision`).
public enum KVPrecision: String, CaseIterable, Sendable {
  /// 4 bytes.
  case fp32
  /// 2 bytes, the default.
  case fp16
  /// 2 bytes.
  case bf16
  /// 1 byte (E4M3), as vLLM's fp8 KV cache.
  case fp8
  /// 1 byte.
  case int8

  /// The element type of that name: every KV precision is one.
  public var elementType: ElementType {
    guard let type = ElementType(rawValue: rawValue) else {
      preconditionFailure("\(rawValue) is no ElementType")
    }
    return type
  }

  /// Bytes per element.
  public var bytes: UInt64 { UInt64(elementType.storageBits / 8) }
}
