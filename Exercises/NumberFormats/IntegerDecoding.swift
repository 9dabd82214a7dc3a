import Harness
import NumberFormats

/// Exercise IntegerDecoding: read an n-bit pattern three ways.
///
/// Read Lessons/NumberFormats.md, section "Integers", then replace each `throw` with your code.
/// Check your work with `workbook check IntegerDecoding`.
/// The contract, with every rule the grader checks:
/// Sources/NumberFormats/Contracts/IntegerDecoding.swift.
public struct IntegerDecoder: IntegerDecoding {
  public init() {}

  public func unsigned(_ bits: UInt64, width: Int) throws -> UInt64 {
    throw Unimplemented(lesson: "NumberFormats", section: "Integers")
  }

  public func signMagnitude(_ bits: UInt64, width: Int) throws -> Int64 {
    throw Unimplemented(lesson: "NumberFormats", section: "Integers")
  }

  public func twosComplement(_ bits: UInt64, width: Int) throws -> Int64 {
    throw Unimplemented(lesson: "NumberFormats", section: "Integers")
  }
}
