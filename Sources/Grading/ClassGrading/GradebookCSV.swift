/// The gradebook as CSV (RFC 4180): `gradebook.csv` has one row per student, exercise and
/// check; `scores.csv` one row per student with each exercise's points, for a spreadsheet.
public enum GradebookCSV {
  /// One row per check, with the student's and the exercise's totals repeated on each row.
  public static func checks(_ gradebook: Gradebook) -> String {
    var rows = [
      [
        "student", "student_score", "student_max_score", "lesson", "exercise", "exercise_status",
        "exercise_score", "exercise_max_score", "check", "check_passed", "message",
      ]
    ]
    for student in gradebook.students {
      for exercise in student.exercises {
        for check in exercise.checks {
          rows.append([
            student.student, "\(student.score)", "\(student.maxScore)", exercise.lesson,
            exercise.exercise, exercise.status.rawValue, "\(exercise.score)",
            "\(exercise.maxScore)", check.check, check.passed ? "true" : "false", check.message,
          ])
        }
      }
    }
    return rows.map(line).joined()
  }

  /// One row per student: the total, then each exercise's points and status.
  public static func scores(_ gradebook: Gradebook) -> String {
    var header = ["student", "score", "max_score"]
    for exercise in gradebook.exercises {
      header += [exercise.exercise, exercise.exercise + " status"]
    }
    var rows = [header]
    for student in gradebook.students {
      var row = [student.student, "\(student.score)", "\(student.maxScore)"]
      for info in gradebook.exercises {
        let grade = student.exercises.first { $0.exercise == info.exercise }
        row += [grade.map { "\($0.score)" } ?? "", grade?.status.rawValue ?? ""]
      }
      rows.append(row)
    }
    return rows.map(line).joined()
  }

  /// One CSV line, CRLF-terminated as RFC 4180 has it.
  static func line(_ fields: [String]) -> String {
    fields.map(field).joined(separator: ",") + "\r\n"
  }

  /// A field, quoted when it holds a comma, quote or line break (quotes doubled), and with a
  /// leading `'` when a spreadsheet would read it as a formula (`=`, `+`, `-`, `@`).
  public static func field(_ text: String) -> String {
    var value = text
    // Scalars, not Characters: "\r\n" is a single Character and would hide either half.
    if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first),
      Double(value) == nil
    {
      value = "'" + value
    }
    let needsQuotes = value.unicodeScalars.contains { ",\"\r\n".unicodeScalars.contains($0) }
    guard needsQuotes else { return value }
    return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
