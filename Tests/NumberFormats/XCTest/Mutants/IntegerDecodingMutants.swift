#if canImport(NumberFormatsSolutions)
  import NumberFormats
  import NumberFormatsSolutions

  /// An IntegerDecoding mutant gets one method wrong; the others are the reference solution's.
  protocol IntegerMutant: IntegerDecoding, Sendable {}

  extension IntegerMutant {
    func unsigned(_ bits: UInt64, width: Int) throws -> UInt64 {
      try IntegerDecoder().unsigned(bits, width: width)
    }
    func signMagnitude(_ bits: UInt64, width: Int) throws -> Int64 {
      try IntegerDecoder().signMagnitude(bits, width: width)
    }
    func twosComplement(_ bits: UInt64, width: Int) throws -> Int64 {
      try IntegerDecoder().twosComplement(bits, width: width)
    }
  }

  /// The lecture's mistake (FACTS 7.8): every power of two below the width, set or not.
  struct AllPowersSummed: IntegerMutant {
    func unsigned(_ bits: UInt64, width: Int) throws -> UInt64 {
      width == 64 ? .max : (1 << width) - 1
    }
  }

  struct SignMagnitudeAsTwos: IntegerMutant {
    func signMagnitude(_ bits: UInt64, width: Int) throws -> Int64 {
      try IntegerDecoder().twosComplement(bits, width: width)
    }
  }

  struct SignBitInMagnitude: IntegerMutant {
    func signMagnitude(_ bits: UInt64, width: Int) throws -> Int64 {
      let negative = bits >> (width - 1) & 1 == 1
      let magnitude = Int64(bitPattern: bits)
      return negative ? -magnitude : magnitude
    }
  }

  struct OnesComplement: IntegerMutant {
    func twosComplement(_ bits: UInt64, width: Int) throws -> Int64 {
      let value = try IntegerDecoder().twosComplement(bits, width: width)
      return value < 0 ? value + 1 : value
    }
  }

  struct WidthIgnored: IntegerMutant {
    func twosComplement(_ bits: UInt64, width: Int) throws -> Int64 {
      Int64(bitPattern: bits)
    }
  }

  /// Subtracts 2^width when the sign bit is set, with `&<<`, which wraps at width 64.
  struct WrappingShift: IntegerMutant {
    func twosComplement(_ bits: UInt64, width: Int) throws -> Int64 {
      guard bits >> (width - 1) & 1 == 1 else { return Int64(bitPattern: bits) }
      return Int64(bitPattern: bits &- (UInt64(1) &<< UInt64(width)))
    }
  }
#endif
