/// fp16 bit patterns without the `Float16` type (missing on Intel macOS): the 16-bit scales of
/// int4 weights are stored as these patterns.
public enum HalfBits {
  /// The fp16 pattern nearest to `value`, ties to even; values past 65520 become infinity.
  public static func encode(_ value: Float) -> UInt16 {
    let bits = value.bitPattern
    let sign = UInt16((bits >> 16) & 0x8000)
    let magnitude = value.magnitude
    if magnitude.isNaN { return sign | 0x7E00 }
    // 65520 is halfway between 65504 and 2¹⁶: it and everything above round to infinity.
    if magnitude >= 65520 { return sign | 0x7C00 }
    // Below 2⁻¹⁴ fp16 is subnormal with a fixed step of 2⁻²⁴: round the multiple of the step.
    if magnitude < 0x1p-14 {
      let steps = (magnitude * 0x1p24).rounded(.toNearestOrEven)
      return sign | UInt16(steps)
    }
    // Normal: keep 10 of fp32's 23 fraction bits, rounding the 13 dropped bits half to even.
    let exponent = Int((bits >> 23) & 0xFF) - 127 + 15
    let fraction = bits & 0x7F_FFFF
    var half = UInt32(exponent) << 10 | fraction >> 13
    let dropped = fraction & 0x1FFF
    if dropped > 0x1000 || (dropped == 0x1000 && half & 1 == 1) { half += 1 }
    return sign | UInt16(half)
  }

  /// The value of an fp16 pattern.
  public static func decode(_ pattern: UInt16) -> Float {
    let sign: Float = pattern & 0x8000 == 0 ? 1 : -1
    let exponent = Int((pattern >> 10) & 0x1F)
    let fraction = Float(pattern & 0x3FF)
    switch exponent {
    case 0: return sign * fraction * 0x1p-24
    case 31: return fraction == 0 ? sign * .infinity : .nan
    default:
      return sign * (1 + fraction / 1024)
        * Float(sign: .plus, exponent: exponent - 15, significand: 1)
    }
  }
}
