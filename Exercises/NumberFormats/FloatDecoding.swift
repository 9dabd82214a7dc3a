import Harness
import NumberFormats

/// Exercise FloatDecoding: take any IEEE-style bit pattern apart into its fields, its class and
/// its exact value.
///
/// Read Lessons/NumberFormats.md, section "Decoding a float", then replace the `throw` with your
/// code. Check your work with `workbook check FloatDecoding`.
///
/// The contract, with every rule the grader checks:
/// Sources/NumberFormats/Contracts/FloatDecoding.swift.
public struct FloatDecoder: FloatDecoding {
  public init() {}

  public func decode(_ bits: UInt32, as format: FloatFormat) throws -> DecodedFloat {
    throw Unimplemented(lesson: "NumberFormats", section: "Decoding a float")
  }
}
