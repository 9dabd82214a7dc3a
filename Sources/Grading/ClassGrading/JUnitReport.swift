/// The gradebook as JUnit XML, which CI servers and LMS plug-ins read: one `<testsuite>` per
/// student, one `<testcase>` per check (class name `student.Lesson.Exercise`).
public enum JUnitReport {
  /// The whole document.
  public static func xml(_ gradebook: Gradebook) -> String {
    let checks = gradebook.students.flatMap { $0.exercises.flatMap(\.checks) }
    var lines = [
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
      "<testsuites name=\"workbook grade\" tests=\"\(checks.count)\" failures=\"\(checks.filter { !$0.passed }.count)\">",
    ]
    for student in gradebook.students {
      lines += suite(student)
    }
    lines.append("</testsuites>")
    return lines.joined(separator: "\n") + "\n"
  }

  static func suite(_ student: StudentGrade) -> [String] {
    let checks = student.exercises.flatMap(\.checks)
    let time = String(format: "%.3f", student.seconds)
    var lines = [
      "  <testsuite name=\(attribute(student.student)) tests=\"\(checks.count)\" failures=\"\(checks.filter { !$0.passed }.count)\" errors=\"0\" time=\"\(time)\">"
    ]
    for exercise in student.exercises {
      let className = attribute("\(student.student).\(exercise.lesson).\(exercise.exercise)")
      for check in exercise.checks {
        let open = "    <testcase classname=\(className) name=\(attribute(check.check))"
        if check.passed {
          lines.append(open + "/>")
          continue
        }
        lines.append(open + ">")
        let details = ([check.message] + exercise.compilerErrors).joined(separator: "\n")
        lines.append(
          "      <failure type=\(attribute(exercise.status.rawValue)) message=\(attribute(check.message))>\(escape(details))</failure>"
        )
        lines.append("    </testcase>")
      }
    }
    let printed = student.exercises.filter { !$0.printed.isEmpty }.map {
      "\($0.exercise) printed:\n\($0.printed)"
    }
    if !printed.isEmpty {
      lines.append("    <system-out>\(escape(printed.joined(separator: "\n")))</system-out>")
    }
    lines.append("  </testsuite>")
    return lines
  }

  /// `text` as a double-quoted XML attribute value (line breaks and tabs as character
  /// references, which attribute normalization would otherwise turn into spaces).
  public static func attribute(_ text: String) -> String {
    var value = ""
    for scalar in escape(text).unicodeScalars {
      switch scalar {
      case "\n": value += "&#10;"
      case "\r": value += "&#13;"
      case "\t": value += "&#9;"
      default: value.unicodeScalars.append(scalar)
      }
    }
    return "\"" + value + "\""
  }

  /// `text` escaped for XML 1.0 character data: markup characters as entities, and characters
  /// XML cannot hold at all (most control characters, such as a terminal's ESC) as U+FFFD.
  public static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
      default:
        let value = scalar.value
        let allowed =
          (value >= 0x20 && value <= 0xD7FF) || (value >= 0xE000 && value <= 0xFFFD)
          || value >= 0x10000
        out.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
      }
    }
    return out
  }
}
