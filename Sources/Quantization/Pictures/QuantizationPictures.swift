import Harness

/// The pictures of the Quantization lesson, drawn from data the topic computes.
public enum QuantizationPictures {
  /// All pictures of the lesson.
  public static let all: [Picture] = [
    Picture(drawnBy: LevelsPicture.self),
    Picture(drawnBy: ErrorPicture.self),
    Picture(drawnBy: LossScalingPicture.self),
  ]
}
