import Harness

/// The pictures of the ServingAndFinetuning lesson, drawn from runs of the topic's reference code.
public enum ServingAndFinetuningPictures {
  /// All pictures of the lesson.
  public static let all: [Picture] = [
    Picture(drawnBy: BlockTablePicture.self),
    Picture(drawnBy: WastePicture.self),
  ]
}
