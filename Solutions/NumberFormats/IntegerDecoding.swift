import NumberFormats

/// Reference solution of IntegerDecoding.
public struct IntegerDecoder: IntegerDecoding {
  public init() {}

  public func unsigned(_ bits: UInt64, width: Int) throws -> UInt64 {
    bits
  }

  public func signMagnitude(_ bits: UInt64, width: Int) throws -> Int64 {
    let signBit: UInt64 = 1 << (width - 1)
    let magnitude = Int64(bits & (signBit - 1))
    return bits & signBit == 0 ? magnitude : -magnitude
  }

  public func twosComplement(_ bits: UInt64, width: Int) throws -> Int64 {
    // Shift the sign bit to the top, then shift back arithmetically to extend it.
    let unused = UInt64(64 - width)
    return Int64(bitPattern: bits << unused) >> unused
  }
}
