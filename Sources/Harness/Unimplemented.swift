/// Thrown by an exercise stub that the student has not written yet.
///
/// Every stub in Exercises/ throws one, naming the lesson section that teaches it, so an untouched
/// workbook compiles, runs every grader, and fails each with a pointer instead of crashing.
///
/// ```swift
/// public func decode(_ bits: UInt64) throws -> DecodedFloat {
///   throw Unimplemented(lesson: "NumberFormats", section: "Decoding a float")
/// }
/// ```
public struct Unimplemented: Error, CustomStringConvertible, Sendable {
  /// The lesson's name, as in `Lessons/<lesson>.md`.
  public let lesson: String
  /// The heading of the section that explains the exercise.
  public let section: String

  /// Creates the marker error for a stub.
  public init(lesson: String, section: String) {
    self.lesson = lesson
    self.section = section
  }

  /// The sentence a student sees for an untouched stub.
  public var description: String {
    "not implemented yet; start at Lessons/\(lesson).md, section \u{201C}\(section)\u{201D}"
  }
}
