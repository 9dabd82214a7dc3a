import Foundation

extension LearnerProgress {
  /// Merges what this command recorded (`self`, changed from `base`, the progress it loaded)
  /// into `current`, what the file holds now, which another command may have changed meanwhile.
  ///
  /// The result is the union of both sides' records. An entry this command did not change keeps
  /// the file's value. An entry both changed keeps the newer: for verdicts the later
  /// `checkedAt`, for hint counts and quiz boxes this command's value, which is being written
  /// last. A verdict this command removed (`reset`) stays removed unless the file's is newer.
  public func merged(into current: LearnerProgress, base: LearnerProgress) -> LearnerProgress {
    var result = current
    for name in Set(exercises.keys).union(base.exercises.keys) {
      let mine = exercises[name]
      guard mine != base.exercises[name] else { continue }
      let theirs = current.exercises[name]
      if let theirs, theirs != base.exercises[name],
        theirs.checkedAt > (mine?.checkedAt ?? .distantPast)
      {
        continue
      }
      result.exercises[name] = mine
    }
    result.hintsShown = Self.merged(hintsShown, into: current.hintsShown, base: base.hintsShown)
    result.quizBoxes = Self.merged(quizBoxes, into: current.quizBoxes, base: base.quizBoxes)
    return result
  }

  /// `current` with the entries `mine` changed from `base` applied.
  private static func merged(
    _ mine: [String: Int], into current: [String: Int], base: [String: Int]
  ) -> [String: Int] {
    var result = current
    for key in Set(mine.keys).union(base.keys) where mine[key] != base[key] {
      result[key] = mine[key]
    }
    return result
  }
}
