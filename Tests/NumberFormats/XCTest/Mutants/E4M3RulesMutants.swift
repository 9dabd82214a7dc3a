#if canImport(NumberFormatsSolutions)
  import NumberFormats
  import NumberFormatsSolutions

  private var codec: E4M3Codec { E4M3Codec() }

  /// Reads E4M3 with IEEE rules: 0x78 becomes infinity, 0x79 to 0x7E NaN.
  struct IEEEStyleE4M3: E4M3Rules, Sendable {
    func decode(_ bits: UInt8) throws -> DecodedFloat {
      let ieee = try FloatFormat(name: "e4m3-ieee", exponentBits: 4, fractionBits: 3, bias: 7)
      return try FloatDecoder().decode(UInt32(bits), as: ieee)
    }
    func encode(_ value: Double) throws -> EncodedFloat { try codec.encode(value) }
  }

  /// Clamps E4M3 overflow to ±448 instead of NaN.
  struct SaturatingE4M3: E4M3Rules, Sendable {
    func decode(_ bits: UInt8) throws -> DecodedFloat { try codec.decode(bits) }
    func encode(_ value: Double) throws -> EncodedFloat {
      let encoded = try codec.encode(value)
      guard encoded.overflowed else { return encoded }
      let largest: Double = value < 0 ? -448 : 448
      return EncodedFloat(
        bits: (encoded.bits & 0x80) | 0x7E, value: largest, roundingError: largest - value,
        overflowed: true)
    }
  }

  /// Calls everything beyond 448 an overflow, although up to 464 rounds down to 448.
  struct NaNAbove448: E4M3Rules, Sendable {
    func decode(_ bits: UInt8) throws -> DecodedFloat { try codec.decode(bits) }
    func encode(_ value: Double) throws -> EncodedFloat {
      guard value.isFinite, value.magnitude > 448 else { return try codec.encode(value) }
      return EncodedFloat(
        bits: value < 0 ? 0xFF : 0x7F, value: .nan, roundingError: .nan, overflowed: true)
    }
  }

  /// Treats 0x7F as the only NaN and reads 0xFF as a number.
  struct PositiveNaNOnly: E4M3Rules, Sendable {
    func decode(_ bits: UInt8) throws -> DecodedFloat {
      guard bits == 0xFF else { return try codec.decode(bits) }
      return DecodedFloat(
        sign: 1, biasedExponent: 15, unbiasedExponent: 8, fraction: 7, floatClass: .normal,
        value: -480)
    }
    func encode(_ value: Double) throws -> EncodedFloat { try codec.encode(value) }
  }

  /// Gives subnormals 2^−7 instead of 2^(1 − 7): each one halved.
  struct SubnormalExponentMinusSeven: E4M3Rules, Sendable {
    func decode(_ bits: UInt8) throws -> DecodedFloat {
      var decoded = try codec.decode(bits)
      if decoded.floatClass == .subnormal { decoded.value /= 2 }
      return decoded
    }
    func encode(_ value: Double) throws -> EncodedFloat { try codec.encode(value) }
  }

  /// Rounds exact ties away from zero.
  struct TiesAwayE4M3: E4M3Rules, Sendable {
    func decode(_ bits: UInt8) throws -> DecodedFloat { try codec.decode(bits) }
    func encode(_ value: Double) throws -> EncodedFloat {
      let nearest = try codec.encode(value)
      guard nearest.value.isFinite, value.isFinite, nearest.value.magnitude < value.magnitude,
        nearest.bits & 0x7F < 0x7E
      else { return nearest }
      let up = try codec.decode(UInt8(nearest.bits + 1)).value
      guard up.magnitude - value.magnitude == value.magnitude - nearest.value.magnitude else {
        return nearest
      }
      return EncodedFloat(
        bits: nearest.bits + 1, value: up, roundingError: up - value, overflowed: false)
    }
  }
#endif
