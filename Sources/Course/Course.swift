/// placeholder
public enum CoursePlaceholder {}
