package org.continuumcare.routes.prison;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Reads a properties file of the prison routes' classpath resources. */
final class ClasspathProperties {

  private ClasspathProperties() {}

  static Properties load(String path) {
    try (InputStream in = ClasspathProperties.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + path);
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
