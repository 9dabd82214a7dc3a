import Harness
import NumberFormats

/// Exercise FloatEncoding: round a `Double` into a narrower IEEE-style format, to nearest,
/// ties to even, with overflow to infinity.
///
/// Read Lessons/NumberFormats.md, section "Rounding into a narrower format", then replace the
/// `throw` with your code. Check your work with `workbook check FloatEncoding`.
///
/// The contract, with every rule the grader checks:
/// Sources/NumberFormats/Contracts/FloatEncoding.swift.
public struct FloatEncoder: FloatEncoding {
  public init() {}

  public func encode(_ value: Double, as format: FloatFormat) throws -> EncodedFloat {
    throw Unimplemented(lesson: "NumberFormats", section: "Rounding into a narrower format")
  }
}
