// Plain numbers on the tape, as one word each: integers by their bits, floating-point numbers
// by their bit patterns, so that -0.0, infinities and every NaN come back bit for bit.

extension UInt64: TapeWords {
  /// The number itself.
  public var tapeWords: [UInt64] { [self] }
  /// Reads the number back.
  public init?(tapeWords: [UInt64]) {
    guard tapeWords.count == 1 else { return nil }
    self = tapeWords[0]
  }
}

extension Int64: TapeWords {
  /// The number's bits.
  public var tapeWords: [UInt64] { [UInt64(bitPattern: self)] }
  /// Reads the number back.
  public init?(tapeWords: [UInt64]) {
    guard tapeWords.count == 1 else { return nil }
    self.init(bitPattern: tapeWords[0])
  }
}

extension Int: TapeWords {
  /// The number's bits.
  public var tapeWords: [UInt64] { [UInt64(UInt(bitPattern: self))] }
  /// Reads the number back.
  public init?(tapeWords: [UInt64]) {
    guard tapeWords.count == 1 else { return nil }
    self.init(Int64(bitPattern: tapeWords[0]))
  }
}

extension Bool: TapeWords {
  /// 1 or 0.
  public var tapeWords: [UInt64] { [self ? 1 : 0] }
  /// Reads the flag back.
  public init?(tapeWords: [UInt64]) {
    guard tapeWords.count == 1, tapeWords[0] <= 1 else { return nil }
    self = tapeWords[0] == 1
  }
}

extension Double: TapeWords {
  /// The bit pattern.
  public var tapeWords: [UInt64] { [bitPattern] }
  /// Reads the number back from its bit pattern.
  public init?(tapeWords: [UInt64]) {
    guard tapeWords.count == 1 else { return nil }
    self.init(bitPattern: tapeWords[0])
  }
}

extension Float: TapeWords {
  /// The bit pattern.
  public var tapeWords: [UInt64] { [UInt64(bitPattern)] }
  /// Reads the number back from its bit pattern.
  public init?(tapeWords: [UInt64]) {
    guard tapeWords.count == 1, let bits = UInt32(exactly: tapeWords[0]) else { return nil }
    self.init(bitPattern: bits)
  }
}
