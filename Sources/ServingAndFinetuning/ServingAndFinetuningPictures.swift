import Harness

/// The pictures of the ServingAndFinetuning lesson, drawn from data the topic computes.
public enum ServingAndFinetuningPictures {
  /// All pictures of the lesson.
  public static var all: [Picture] { [] }
}
