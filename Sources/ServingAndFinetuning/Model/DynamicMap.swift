/// The 256 values of 8-bit dynamic quantization (Dettmers et al. 2022), as bitsandbytes builds
/// them in `create_dynamic_map`: a code is an index into one of these sorted tables, and a value
/// reads back as `map[code] × absmax` of its block.
///
/// For each decade k = 0 … 6 the range 10ᵏ⁻⁶ × [0.1, 1] is cut into equal steps (2ᵏ of them for
/// the signed map, 2ᵏ⁺¹ for the unsigned one) and each step's midpoint is a value, with both
/// signs in the signed map; 0 and 1 complete the 256. Small magnitudes get as many relative
/// levels as large ones, which is what Adam's second moment, spread over many decades, needs.
public enum DynamicMap {
  /// The signed map, for the first moment m: 127 negative values, 0, and 128 positive ones.
  public static let signed: [Float] = build(signed: true)
  /// The unsigned map, for the second moment v: 0, then 255 positive values up to 1.
  public static let unsigned: [Float] = build(signed: false)

  /// The index of 0 in `signed` (127) and in `unsigned` (0): the code of an empty state.
  public static let signedZeroCode: UInt8 = 127
  /// The index of 0 in `unsigned`.
  public static let unsignedZeroCode: UInt8 = 0

  private static func build(signed: Bool) -> [Float] {
    var values: [Double] = [0, 1]
    for decade in 0..<7 {
      let steps = signed ? 1 << decade : 1 << (decade + 1)
      let scale = pow10(decade - 6)
      for step in 0..<steps {
        // The midpoint of step `step` of linspace(0.1, 1, steps + 1).
        let low = 0.1 + 0.9 * Double(step) / Double(steps)
        let high = 0.1 + 0.9 * Double(step + 1) / Double(steps)
        let mean = (low + high) / 2
        values.append(scale * mean)
        if signed { values.append(-scale * mean) }
      }
    }
    return values.sorted().map { Float($0) }
  }

  private static func pow10(_ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0..<abs(exponent) { result *= 10 }
    return exponent < 0 ? 1 / result : result
  }
}
