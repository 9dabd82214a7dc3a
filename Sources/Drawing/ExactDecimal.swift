/// The exact decimal expansion of a finite `Double`.
///
/// Every binary fraction has a finite decimal expansion (2^−k = 5^k / 10^k), so the lesson can
/// print what a format really stores, 0.0123291015625 rather than a rounded 0.01233. The digits
/// are computed with schoolbook arithmetic on decimal digits, no floating-point printing.
public struct ExactDecimal: Sendable, Hashable, CustomStringConvertible {
  /// Whether the value is below zero (−0 counts as zero and is printed without a sign).
  public let isNegative: Bool
  /// The decimal digits, most significant first, without leading zeros ("0" for zero).
  public let digits: [UInt8]
  /// How many of `digits` lie after the decimal point.
  public let fractionDigits: Int

  /// The expansion of `value`, which must be finite (nil for ±∞ and NaN).
  public init?(_ value: Double) {
    guard value.isFinite else { return nil }
    isNegative = value < 0
    let magnitude = value.magnitude
    guard magnitude != 0 else {
      digits = [0]
      fractionDigits = 0
      return
    }
    // magnitude = integer × 2^power, with an odd integer of at most 53 bits.
    var integer = magnitude.significandBitPattern
    var power = Int(magnitude.exponent) - 52
    if magnitude.isNormal {
      integer |= 1 << 52
    } else {
      power = -1074
    }
    power += integer.trailingZeroBitCount
    integer >>= integer.trailingZeroBitCount
    var little = Self.littleEndianDigits(of: integer)
    // integer × 2^power: double it for a positive power; for a negative one, multiply by 5^k
    // and put the point k digits from the right, since 2^−k = 5^k / 10^k.
    for _ in 0..<abs(power) { Self.multiply(&little, by: power > 0 ? 2 : 5) }
    let afterPoint = max(0, -power)
    while little.count <= afterPoint { little.append(0) }  // one digit before the point at least
    digits = little.reversed()
    fractionDigits = afterPoint
  }

  /// The expansion in plain positional notation: `"0.0123291015625"`, `"65504"`.
  public var description: String {
    let text = digits.map { Character(String($0)) }
    let integerPart = String(text.dropLast(fractionDigits))
    let fractionPart = String(text.suffix(fractionDigits))
    let sign = isNegative ? "\u{2212}" : ""
    return fractionPart.isEmpty ? sign + integerPart : sign + integerPart + "." + fractionPart
  }

  /// The power of ten of the leading nonzero digit: 1 for 65504 → 6.5504 × 10⁴ has 4.
  public var decimalExponent: Int {
    guard let first = digits.firstIndex(where: { $0 != 0 }) else { return 0 }
    return digits.count - fractionDigits - 1 - first
  }

  /// `significantDigits` digits from the first nonzero one, rounded half to even, and the power
  /// of ten of the first: (`"3.4028"`, 38) for fp32's largest value with 5 digits.
  public func scientific(significantDigits: Int) -> (mantissa: String, exponent: Int) {
    guard let first = digits.firstIndex(where: { $0 != 0 }) else { return ("0", 0) }
    var kept = Array(digits[first...].prefix(significantDigits))
    while kept.count < significantDigits { kept.append(0) }
    let rest = Array(digits[first...].dropFirst(significantDigits))
    var exponent = decimalExponent
    let roundUp: Bool = {
      guard let next = rest.first else { return false }
      if next != 5 { return next > 5 }
      let beyond = rest.dropFirst().contains { $0 != 0 }
      return beyond || (kept.last ?? 0) % 2 == 1
    }()
    if roundUp {
      var index = kept.count - 1
      while index >= 0 {
        if kept[index] == 9 {
          kept[index] = 0
          index -= 1
        } else {
          kept[index] += 1
          break
        }
      }
      if index < 0 {  // 9.99… became 10.0…
        kept.insert(1, at: 0)
        kept.removeLast()
        exponent += 1
      }
    }
    var mantissa = String(kept[0])
    let tail = kept.dropFirst().map { String($0) }.joined()
    if !tail.isEmpty { mantissa += "." + tail }
    return ((isNegative ? "\u{2212}" : "") + mantissa, exponent)
  }

  private static func littleEndianDigits(of value: UInt64) -> [UInt8] {
    var digits: [UInt8] = []
    var rest = value
    repeat {
      digits.append(UInt8(rest % 10))
      rest /= 10
    } while rest > 0
    return digits
  }

  private static func multiply(_ little: inout [UInt8], by factor: UInt8) {
    var carry: UInt8 = 0
    for index in little.indices {
      let product = little[index] * factor + carry
      little[index] = product % 10
      carry = product / 10
    }
    if carry > 0 { little.append(carry) }
  }
}
