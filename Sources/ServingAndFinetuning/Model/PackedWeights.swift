/// 4-bit integer weights, two codes per byte, with one fp16 scale per group of weights.
///
/// Element i is in byte i / 2: the low nibble for even i, the high nibble for odd i; with an odd
/// count the last byte's high nibble is 0. A nibble holds q + 8 for a code q in −7 … 7.
public struct Int4Weights: Equatable, Sendable, Codable {
  /// Weights stored.
  public var count: Int
  /// Weights per scale (the last group may be shorter).
  public var groupSize: Int
  /// The codes, two per byte.
  public var packed: [UInt8]
  /// One fp16 scale per group, as bit patterns (`HalfBits`).
  public var scales: [UInt16]

  /// Creates stored weights from their parts.
  public init(count: Int, groupSize: Int, packed: [UInt8], scales: [UInt16]) {
    self.count = count
    self.groupSize = groupSize
    self.packed = packed
    self.scales = scales
  }

  /// Bytes the arrays hold: codes and scales.
  public var storageBytes: Int { packed.count + 2 * scales.count }
}

/// NF4 weights with double-quantized constants, as QLoRA stores them.
///
/// Codes are packed as in `Int4Weights` (a nibble is an index into `NF4.levels`). Each block of
/// 64 weights has an absmax constant, stored as an 8-bit code; each group of 256 constants has
/// one fp32 scale, and a constant reads back as `Float(code) × scale`.
public struct NF4Weights: Equatable, Sendable, Codable {
  /// Weights stored.
  public var count: Int
  /// The NF4 codes, two per byte.
  public var packed: [UInt8]
  /// One 8-bit code per block of 64 weights: its absmax, quantized.
  public var constantCodes: [UInt8]
  /// One fp32 scale per group of 256 constant codes.
  public var constantScales: [Float]

  /// Creates stored weights from their parts.
  public init(count: Int, packed: [UInt8], constantCodes: [UInt8], constantScales: [Float]) {
    self.count = count
    self.packed = packed
    self.constantCodes = constantCodes
    self.constantScales = constantScales
  }

  /// Bytes the arrays hold: codes, constant codes and fp32 scales.
  public var storageBytes: Int { packed.count + constantCodes.count + 4 * constantScales.count }
}
