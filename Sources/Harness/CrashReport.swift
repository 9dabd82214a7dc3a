import Foundation

/// Turns the Swift runtime's crash report into the lines a student can act on: the runtime's
/// message ("Fatal error: Index out of range") and the frames in the student's own files, never
/// a register dump or sixty lines of library frames.
enum CrashReport {
  /// The backtracer's settings for graded processes: no prompt, no colour, no registers or
  /// images, only the crashed thread, so the report is short and its frames easy to pick out.
  static let backtraceSettings =
    "enable=yes,interactive=no,color=no,registers=none,images=none,threads=crashed,limit=32"

  /// `printed` up to the crash report, then the runtime's message and every frame that lies in
  /// an `Exercises/` file, as `at Exercises/Topic/File.swift:13:37 in Type.method(_:)`.
  static func shorten(_ printed: String) -> String {
    var kept: [String] = []
    var inReport = false
    for line in printed.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("*** ") {
        inReport = true
        continue
      }
      guard inReport else {
        kept.append(String(line))
        continue
      }
      if let frame = studentFrame(line) { kept.append(frame) }
    }
    return kept.joined(separator: "\n")
  }

  /// `  3 [ra]  0x… FloatDecoder.decode(_:as:) + 86 in NumberFormatsCheck at /…/Exercises/…:13:37`
  /// becomes `  at Exercises/…:13:37 in FloatDecoder.decode(_:as:)`; other lines, nil.
  static func studentFrame(_ line: Substring) -> String? {
    guard let at = line.range(of: " at ", options: .backwards),
      let exercises = line[at.upperBound...].range(of: "Exercises/")
    else { return nil }
    let location = line[exercises.lowerBound...]
    var function = ""
    if let address = line.range(of: "0x"),
      let plus = line.range(of: " + ", range: address.upperBound..<at.lowerBound)
    {
      let afterAddress = line[address.upperBound...].drop { $0 != " " }.dropFirst()
      function =
        " in " + String(afterAddress[..<plus.lowerBound]).trimmingCharacters(in: .whitespaces)
    }
    return "  at \(location)\(function)"
  }
}
