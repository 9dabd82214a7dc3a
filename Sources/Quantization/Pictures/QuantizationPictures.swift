import Harness

/// The pictures of the Quantization lesson, drawn from data the topic computes.
public enum QuantizationPictures {
  /// All pictures of the lesson.
  public static var all: [Picture] {
    [LevelsPicture.picture, ErrorPicture.picture, LossScalingPicture.picture]
  }
}
