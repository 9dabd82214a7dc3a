import Harness
import NumberFormats

/// Exercise E4M3Rules: decode and encode the 8-bit E4M3 format, which has no infinities and a
/// single NaN pattern per sign, so that 0x7E is the finite 448.
///
/// Read Lessons/NumberFormats.md, section "Eight bits: E4M3 and E5M2", then replace each
/// `throw` with your code. Check your work with `workbook check E4M3Rules`.
///
/// The contract, with every rule the grader checks:
/// Sources/NumberFormats/Contracts/E4M3Rules.swift.
public struct E4M3Codec: E4M3Rules {
  public init() {}

  public func decode(_ bits: UInt8) throws -> DecodedFloat {
    throw Unimplemented(lesson: "NumberFormats", section: "Eight bits: E4M3 and E5M2")
  }

  public func encode(_ value: Double) throws -> EncodedFloat {
    throw Unimplemented(lesson: "NumberFormats", section: "Eight bits: E4M3 and E5M2")
  }
}
