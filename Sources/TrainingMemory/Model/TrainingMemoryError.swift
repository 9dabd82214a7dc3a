/// Bad input to the topic's public API: one line saying what was wrong.
public struct TrainingMemoryError: Error, CustomStringConvertible, Equatable, Sendable, Codable {
  /// The one-line message.
  public let description: String

  /// An error with a one-line message.
  public init(_ description: String) {
    self.description = description
  }

  /// A size that does not fit in 64 bits.
  public static func overflow(_ what: String) -> TrainingMemoryError {
    TrainingMemoryError("\(what) do not fit in 64 bits")
  }
}

/// Arithmetic that throws instead of trapping, so an absurd input becomes an error message.
enum Checked {
  /// `a × b`, or an overflow error naming `what`.
  static func multiply(_ a: UInt64, _ b: UInt64, _ what: @autoclosure () -> String) throws
    -> UInt64
  {
    let (product, overflow) = a.multipliedReportingOverflow(by: b)
    if overflow { throw TrainingMemoryError.overflow(what()) }
    return product
  }

  /// `a + b`, or an overflow error naming `what`.
  static func add(_ a: UInt64, _ b: UInt64, _ what: @autoclosure () -> String) throws -> UInt64 {
    let (sum, overflow) = a.addingReportingOverflow(b)
    if overflow { throw TrainingMemoryError.overflow(what()) }
    return sum
  }

  /// The sum of `values`, or an overflow error naming `what`.
  static func sum(_ values: [UInt64], _ what: @autoclosure () -> String) throws -> UInt64 {
    var total: UInt64 = 0
    for value in values { total = try add(total, value, what()) }
    return total
  }

  /// ⌈a / b⌉ for b > 0: the largest of b nearly equal shards of a.
  static func ceilDivide(_ a: UInt64, _ b: UInt64) -> UInt64 {
    a / b + (a % b == 0 ? 0 : 1)
  }
}
