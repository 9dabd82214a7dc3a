import Units

extension ElementType {
  /// Bytes `count` elements occupy, rounded up to whole bytes (an odd number of int4 values
  /// still needs the last byte).
  ///
  /// - Throws: `TrainingMemoryError.overflow` when the size does not fit in 64 bits.
  public func bytes(count: UInt64) throws -> UInt64 {
    let bits = UInt64(storageBits)
    // count × bits / 8 without forming count × bits, which may overflow when the result does not.
    let whole = try Checked.multiply(count / 8, bits, "\(count) \(rawValue) elements")
    let rest = (count % 8 * bits + 7) / 8
    return try Checked.add(whole, rest, "\(count) \(rawValue) elements")
  }
}
