import Harness

/// Every number the ServingAndFinetuning lesson states as the result of a computation.
public enum ServingAndFinetuningFigures {
  /// All figures of the lesson, in the order the lesson first uses them.
  public static var all: [Figure] { [] }
}
