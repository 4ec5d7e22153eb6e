# syntax=docker/dockerfile:1
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY db db
COPY src src
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home /app syncrobot && mkdir -p /app /data && chown syncrobot /data
WORKDIR /app
COPY --from=build /src/target/syncro-bot.jar /app/syncro-bot.jar
ENV SYNCRO_BOT_DB_URL=jdbc:sqlite:/data/syncro-bot.db \
    SYNCRO_BOT_SECRET_KEY_FILE=/data/secret.key \
    PORT=3000
VOLUME ["/data"]
EXPOSE 3000
USER syncrobot
HEALTHCHECK --interval=30s --timeout=5s CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${PORT} && printf 'GET /healthz HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q '200' <&3"]
ENTRYPOINT ["java", "-Dfile.encoding=UTF-8", "-XX:MaxRAMPercentage=75", "-jar", "/app/syncro-bot.jar"]
