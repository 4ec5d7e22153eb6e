package com.syncrobot.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jdbi.v3.core.extension.annotation.UseExtensionConfigurer;

/**
 * Maps the rows of a DAO's queries to the record {@link #value()} by its constructor, as jdbi's
 * {@code @RegisterConstructorMapper} does, but matches the columns to the constructor's parameters once per
 * column list instead of at every query ({@link RecordMapper}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(RegisterRecordMapper.List.class)
@UseExtensionConfigurer(RecordMapper.Configurer.class)
public @interface RegisterRecordMapper {
  /** The record the rows become. */
  Class<? extends Record> value();

  /** Several records on one DAO. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.TYPE, ElementType.METHOD})
  @UseExtensionConfigurer(RecordMapper.Configurer.class)
  @interface List {
    RegisterRecordMapper[] value();
  }
}
