/// An error a student's method threw, as the runner writes it down and the judge rethrows it.
///
/// The judge must tell a student the same thing an in-process grader would: an untouched stub's
/// `Unimplemented` comes back as itself (its "not implemented yet; start at …" pointer), a
/// `CheckFailure` as itself, a kit's own error as itself when its type is registered with
/// `RecordedError.register`, and any other error as its text.
struct RecordedError: Codable, Error {
  /// `unimplemented`, `failure`, a registered error's type name, or `other`.
  var kind: String
  /// The error's text, `"\(error)"`.
  var text: String
  /// With `unimplemented`: where the stub points.
  var lesson: String?
  /// With `unimplemented`: the lesson section.
  var section: String?
  /// With a registered kind: the error itself, as JSON.
  var payload: String?

  init(_ error: Error) {
    text = "\(error)"
    switch error {
    case let stub as Unimplemented:
      kind = "unimplemented"
      lesson = stub.lesson
      section = stub.section
    case is CheckFailure:
      kind = "failure"
    default:
      kind = "other"
      for coder in ReplayableErrors.all {
        if let encoded = coder.encode(error) {
          kind = coder.kind
          payload = encoded
          break
        }
      }
    }
  }

  /// The error the judge throws in the student's method's place.
  var replayed: Error {
    switch kind {
    case "unimplemented":
      return Unimplemented(lesson: lesson ?? "", section: section ?? "")
    case "failure":
      return CheckFailure(text)
    default:
      if let payload, let coder = ReplayableErrors.all.first(where: { $0.kind == kind }),
        let error = coder.decode(payload)
      {
        return error
      }
      return ReplayedError(description: text)
    }
  }
}

/// Any other error, which a grader only ever prints: the same text as the original.
struct ReplayedError: Error, CustomStringConvertible {
  let description: String
}
