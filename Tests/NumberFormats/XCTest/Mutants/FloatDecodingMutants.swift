#if canImport(NumberFormatsSolutions)
  import NumberFormats
  import NumberFormatsSolutions

  /// Gives subnormals the power −bias instead of 1 − bias: every subnormal comes out halved.
  struct SubnormalMinusBias: FloatDecoding, Sendable {
    func decode(_ bits: UInt32, as format: FloatFormat) throws -> DecodedFloat {
      var decoded = try FloatDecoder().decode(bits, as: format)
      if decoded.floatClass == .subnormal { decoded.value /= 2 }
      return decoded
    }
  }

  /// Adds the hidden 1 to subnormals as well: 1.f × 2^(1 − bias).
  struct SubnormalHiddenOne: FloatDecoding, Sendable {
    func decode(_ bits: UInt32, as format: FloatFormat) throws -> DecodedFloat {
      var decoded = try FloatDecoder().decode(bits, as: format)
      if decoded.floatClass == .subnormal {
        let minNormal = Double(sign: .plus, exponent: 1 - format.bias, significand: 1)
        decoded.value += decoded.sign == 1 ? -minNormal : minNormal
      }
      return decoded
    }
  }

  /// Calls an all-ones exponent with a zero fraction NaN, and one with a fraction infinity.
  struct NaNInfinitySwapped: FloatDecoding, Sendable {
    func decode(_ bits: UInt32, as format: FloatFormat) throws -> DecodedFloat {
      var decoded = try FloatDecoder().decode(bits, as: format)
      switch decoded.floatClass {
      case .infinity:
        decoded.floatClass = .nan
        decoded.value = .nan
      case .nan:
        decoded.floatClass = .infinity
        decoded.value = decoded.sign == 1 ? -.infinity : .infinity
      default: break
      }
      return decoded
    }
  }

  /// Ignores `format.bias` and uses the IEEE default 2^(k−1) − 1.
  struct DefaultBiasOnly: FloatDecoding, Sendable {
    func decode(_ bits: UInt32, as format: FloatFormat) throws -> DecodedFloat {
      let ieee = try FloatFormat(
        name: format.name, exponentBits: format.exponentBits, fractionBits: format.fractionBits)
      return try FloatDecoder().decode(bits, as: ieee)
    }
  }

  /// Returns +0 for both zeros.
  struct UnsignedZero: FloatDecoding, Sendable {
    func decode(_ bits: UInt32, as format: FloatFormat) throws -> DecodedFloat {
      var decoded = try FloatDecoder().decode(bits, as: format)
      if decoded.floatClass == .zero { decoded.value = 0 }
      return decoded
    }
  }

  /// Treats the all-ones exponent like any other: no infinities, no NaN.
  struct NoSpecials: FloatDecoding, Sendable {
    func decode(_ bits: UInt32, as format: FloatFormat) throws -> DecodedFloat {
      var decoded = try FloatDecoder().decode(bits, as: format)
      guard decoded.floatClass == .infinity || decoded.floatClass == .nan else { return decoded }
      let significand = Double((1 << format.fractionBits) | decoded.fraction)
      decoded.floatClass = .normal
      decoded.value = Double(
        sign: decoded.sign == 1 ? .minus : .plus,
        exponent: decoded.biasedExponent - format.bias - format.fractionBits,
        significand: significand)
      return decoded
    }
  }
#endif
