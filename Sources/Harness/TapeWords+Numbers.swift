// Plain numbers on the tape, one word each: integers by their bits, floating-point numbers by
// their bit patterns, so that -0.0, infinities and every NaN come back bit for bit (JSON would
// round a Float through Double, and spell NaN only one way). Arrays of them are many words.

/// A number the tape writes as one 64-bit word.
public protocol TapeWord: TapeWords {
  /// The number as a word.
  var tapeWord: UInt64 { get }
  /// The number read back from its word, or nil when the word cannot be one.
  init?(tapeWord: UInt64)
}

extension TapeWord {
  /// The one word.
  public var tapeWords: [UInt64] { [tapeWord] }

  /// Reads the number back from exactly one word.
  public init?(tapeWords: [UInt64]) {
    guard tapeWords.count == 1 else { return nil }
    self.init(tapeWord: tapeWords[0])
  }
}

extension Array: TapeWords where Element: TapeWord {
  /// One word per element.
  public var tapeWords: [UInt64] { map(\.tapeWord) }

  /// Reads every element back; nil if any word is not one.
  public init?(tapeWords: [UInt64]) {
    var elements: [Element] = []
    elements.reserveCapacity(tapeWords.count)
    for word in tapeWords {
      guard let element = Element(tapeWord: word) else { return nil }
      elements.append(element)
    }
    self = elements
  }
}

extension UInt64: TapeWord {
  /// The number itself.
  public var tapeWord: UInt64 { self }
  /// Reads the number back.
  public init?(tapeWord: UInt64) { self = tapeWord }
}

extension Int64: TapeWord {
  /// The number's bits.
  public var tapeWord: UInt64 { UInt64(bitPattern: self) }
  /// Reads the number back.
  public init?(tapeWord: UInt64) { self.init(bitPattern: tapeWord) }
}

extension Int: TapeWord {
  /// The number's bits.
  public var tapeWord: UInt64 { UInt64(UInt(bitPattern: self)) }
  /// Reads the number back.
  public init?(tapeWord: UInt64) { self.init(Int64(bitPattern: tapeWord)) }
}

extension Int32: TapeWord {
  /// The number's bits, widened.
  public var tapeWord: UInt64 { UInt64(UInt32(bitPattern: self)) }
  /// Reads the number back; nil past 32 bits.
  public init?(tapeWord: UInt64) {
    guard let bits = UInt32(exactly: tapeWord) else { return nil }
    self.init(bitPattern: bits)
  }
}

extension Int8: TapeWord {
  /// The number's bits, widened.
  public var tapeWord: UInt64 { UInt64(UInt8(bitPattern: self)) }
  /// Reads the number back; nil past 8 bits.
  public init?(tapeWord: UInt64) {
    guard let bits = UInt8(exactly: tapeWord) else { return nil }
    self.init(bitPattern: bits)
  }
}

extension UInt8: TapeWord {
  /// The number, widened.
  public var tapeWord: UInt64 { UInt64(self) }
  /// Reads the number back; nil past 8 bits.
  public init?(tapeWord: UInt64) { self.init(exactly: tapeWord) }
}

extension Bool: TapeWord {
  /// 1 or 0.
  public var tapeWord: UInt64 { self ? 1 : 0 }
  /// Reads the flag back.
  public init?(tapeWord: UInt64) {
    guard tapeWord <= 1 else { return nil }
    self = tapeWord == 1
  }
}

extension Double: TapeWord {
  /// The bit pattern.
  public var tapeWord: UInt64 { bitPattern }
  /// Reads the number back from its bit pattern.
  public init?(tapeWord: UInt64) { self.init(bitPattern: tapeWord) }
}

extension Float: TapeWord {
  /// The bit pattern.
  public var tapeWord: UInt64 { UInt64(bitPattern) }
  /// Reads the number back from its bit pattern; nil past 32 bits.
  public init?(tapeWord: UInt64) {
    guard let bits = UInt32(exactly: tapeWord) else { return nil }
    self.init(bitPattern: bits)
  }
}
