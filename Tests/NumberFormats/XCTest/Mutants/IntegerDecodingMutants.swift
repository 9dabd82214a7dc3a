#if canImport(NumberFormatsSolutions)
  import NumberFormats
  import NumberFormatsSolutions

  /// IntegerDecoding mutants: (name, symptom the grader must name, implementation).
  let integerDecodingMutants: [(String, String, any IntegerDecoding & Sendable)] = [
    ("unsigned sums every power of two", "unsigned(0b00110001, width: 8)", AllPowersSummed()),
    ("sign-magnitude read as two's complement", "signMagnitude(", SignMagnitudeAsTwos()),
    ("sign bit counted in the magnitude", "signMagnitude(", SignBitInMagnitude()),
    ("one's complement for negatives", "twosComplement(", OnesComplement()),
    ("width ignored: the pattern read as 64 bits", "twosComplement(", WidthIgnored()),
    ("2^width computed with a wrapping shift", "width: 64", WrappingShift()),
  ]

  /// The lecture's mistake (FACTS 7.8): every power of two below the width, set or not.
  private struct AllPowersSummed: IntegerDecoding, Sendable {
    var base: IntegerDecoder { IntegerDecoder() }
    func unsigned(_ bits: UInt64, width: Int) throws -> UInt64 {
      width == 64 ? .max : (1 << width) - 1
    }
    func signMagnitude(_ bits: UInt64, width: Int) throws -> Int64 {
      try base.signMagnitude(bits, width: width)
    }
    func twosComplement(_ bits: UInt64, width: Int) throws -> Int64 {
      try base.twosComplement(bits, width: width)
    }
  }

  private struct SignMagnitudeAsTwos: IntegerDecoding, Sendable {
    var base: IntegerDecoder { IntegerDecoder() }
    func unsigned(_ bits: UInt64, width: Int) throws -> UInt64 { bits }
    func signMagnitude(_ bits: UInt64, width: Int) throws -> Int64 {
      try base.twosComplement(bits, width: width)
    }
    func twosComplement(_ bits: UInt64, width: Int) throws -> Int64 {
      try base.twosComplement(bits, width: width)
    }
  }

  private struct SignBitInMagnitude: IntegerDecoding, Sendable {
    var base: IntegerDecoder { IntegerDecoder() }
    func unsigned(_ bits: UInt64, width: Int) throws -> UInt64 { bits }
    func signMagnitude(_ bits: UInt64, width: Int) throws -> Int64 {
      let negative = bits >> (width - 1) & 1 == 1
      let magnitude = Int64(bitPattern: bits)
      return negative ? -magnitude : magnitude
    }
    func twosComplement(_ bits: UInt64, width: Int) throws -> Int64 {
      try base.twosComplement(bits, width: width)
    }
  }

  private struct OnesComplement: IntegerDecoding, Sendable {
    var base: IntegerDecoder { IntegerDecoder() }
    func unsigned(_ bits: UInt64, width: Int) throws -> UInt64 { bits }
    func signMagnitude(_ bits: UInt64, width: Int) throws -> Int64 {
      try base.signMagnitude(bits, width: width)
    }
    func twosComplement(_ bits: UInt64, width: Int) throws -> Int64 {
      let value = try base.twosComplement(bits, width: width)
      return value < 0 ? value + 1 : value
    }
  }

  private struct WidthIgnored: IntegerDecoding, Sendable {
    var base: IntegerDecoder { IntegerDecoder() }
    func unsigned(_ bits: UInt64, width: Int) throws -> UInt64 { bits }
    func signMagnitude(_ bits: UInt64, width: Int) throws -> Int64 {
      try base.signMagnitude(bits, width: width)
    }
    func twosComplement(_ bits: UInt64, width: Int) throws -> Int64 {
      Int64(bitPattern: bits)
    }
  }

  /// Subtracts 2^width when the sign bit is set, with `&<<`, which wraps at width 64.
  private struct WrappingShift: IntegerDecoding, Sendable {
    var base: IntegerDecoder { IntegerDecoder() }
    func unsigned(_ bits: UInt64, width: Int) throws -> UInt64 { bits }
    func signMagnitude(_ bits: UInt64, width: Int) throws -> Int64 {
      try base.signMagnitude(bits, width: width)
    }
    func twosComplement(_ bits: UInt64, width: Int) throws -> Int64 {
      guard bits >> (width - 1) & 1 == 1 else { return Int64(bitPattern: bits) }
      return Int64(bitPattern: bits &- (UInt64(1) &<< UInt64(width)))
    }
  }
#endif
