/// A student's feedback as Markdown: the score, what was ignored, and for each exercise its
/// checks with their messages, the compiler's errors and what the code printed.
public enum FeedbackReport {
  /// The whole feedback file.
  public static func markdown(_ student: StudentGrade, limits: CheckLimits) -> String {
    var parts = [
      "# Feedback for \(inline(student.student))",
      "Score: **\(student.score) / \(student.maxScore)** checks passed. Each exercise ran in its own process, limited to \(Int(limits.timeout)) s and \(limits.memoryMegabytes) MB.",
    ]
    if !student.notes.isEmpty {
      parts.append(student.notes.map { "- " + inline($0) }.joined(separator: "\n"))
    }
    for exercise in student.exercises {
      parts.append(
        "## \(inline(exercise.exercise)) (\(inline(exercise.lesson))): \(exercise.status.rawValue), \(exercise.score) / \(exercise.maxScore)"
      )
      parts.append(details(exercise))
    }
    return parts.joined(separator: "\n\n") + "\n"
  }

  /// One exercise's checks, compiler errors and printed output, as Markdown.
  public static func details(_ exercise: ExerciseGrade) -> String {
    var parts: [String] = []
    if !exercise.compilerErrors.isEmpty {
      parts.append("Compiler errors:\n\n" + fenced(exercise.compilerErrors.joined(separator: "\n")))
    }
    if exercise.status == .missing {
      let file = "Exercises/\(exercise.lesson)/\(exercise.exercise).swift"
      parts.append(
        "\(inline(file)) was not submitted: none of its \(exercise.maxScore) checks ran.")
    } else if exercise.status == .doesNotCompile {
      parts.append("None of its \(exercise.maxScore) checks could run.")
    } else {
      parts.append(
        exercise.checks.map { check in
          check.passed
            ? "- ✓ \(inline(check.check))"
            : "- ✗ \(inline(check.check)): \(inline(check.message))"
        }.joined(separator: "\n"))
    }
    if !exercise.printed.isEmpty {
      parts.append("What your code printed:\n\n" + fenced(exercise.printed))
    }
    return parts.joined(separator: "\n\n")
  }

  /// `text` on one line with Markdown's active characters escaped, so a message shows as
  /// written, and control characters (a terminal's ESC, say) as U+FFFD.
  public static func inline(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n", "\r": out += " "
      case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += "\u{FFFD}"
      case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "!":
        out += "\\"
        out.unicodeScalars.append(scalar)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// `text` in a code fence longer than any run of backticks inside it.
  public static func fenced(_ text: String) -> String {
    var longest = 0
    var run = 0
    for character in text {
      run = character == "`" ? run + 1 : 0
      longest = max(longest, run)
    }
    let fence = String(repeating: "`", count: max(3, longest + 1))
    return fence + "text\n" + text + (text.hasSuffix("\n") ? "" : "\n") + fence
  }
}
