import Harness
import NumberFormats

// One proxy per contract: in the runner each call runs the student's code and is recorded; in
// the judge (no student code) each call is answered from the record. See `Tape`.

/// `IntegerDecoding` through a tape.
struct IntegerDecodingProxy: IntegerDecoding, Sendable {
  let tape: Tape
  let base: (any IntegerDecoding & Sendable)?

  func unsigned(_ bits: UInt64, width: Int) throws -> UInt64 {
    try tape.call("unsigned") { try base!.unsigned(bits, width: width) }
  }

  func signMagnitude(_ bits: UInt64, width: Int) throws -> Int64 {
    try tape.call("signMagnitude") { try base!.signMagnitude(bits, width: width) }
  }

  func twosComplement(_ bits: UInt64, width: Int) throws -> Int64 {
    try tape.call("twosComplement") { try base!.twosComplement(bits, width: width) }
  }
}

/// `FloatDecoding` through a tape.
struct FloatDecodingProxy: FloatDecoding, Sendable {
  let tape: Tape
  let base: (any FloatDecoding & Sendable)?

  func decode(_ bits: UInt32, as format: FloatFormat) throws -> DecodedFloat {
    try tape.call("decode") { try base!.decode(bits, as: format) }
  }
}

/// `FloatEncoding` through a tape.
struct FloatEncodingProxy: FloatEncoding, Sendable {
  let tape: Tape
  let base: (any FloatEncoding & Sendable)?

  func encode(_ value: Double, as format: FloatFormat) throws -> EncodedFloat {
    try tape.call("encode") { try base!.encode(value, as: format) }
  }
}

/// `E4M3Rules` through a tape.
struct E4M3RulesProxy: E4M3Rules, Sendable {
  let tape: Tape
  let base: (any E4M3Rules & Sendable)?

  func decode(_ bits: UInt8) throws -> DecodedFloat {
    try tape.call("decode") { try base!.decode(bits) }
  }

  func encode(_ value: Double) throws -> EncodedFloat {
    try tape.call("encode") { try base!.encode(value) }
  }
}

extension NumberFormatsGraders {
  /// Each contract's proxy on `tape`, around `edition`'s implementation (nil in the judge).
  public static func proxies(on tape: Tape, around edition: NumberFormatsEdition?)
    -> NumberFormatsEdition
  {
    (
      integers: IntegerDecodingProxy(tape: tape, base: edition?.integers),
      decoder: FloatDecodingProxy(tape: tape, base: edition?.decoder),
      encoder: FloatEncodingProxy(tape: tape, base: edition?.encoder),
      e4m3: E4M3RulesProxy(tape: tape, base: edition?.e4m3)
    )
  }
}
