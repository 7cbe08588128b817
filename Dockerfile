# Stage 1: build the jar (the web client is copied into it).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY server/pom.xml server/
COPY web-client/pom.xml web-client/
COPY loadtest/pom.xml loadtest/
RUN mvn -q -B -pl server -am dependency:go-offline -DexcludeArtifactIds=quizroom-web-client || true
COPY . .
RUN mvn -q -B -DskipTests package

# Stage 2: a JRE running the jar as a user without privileges. Results live in the volume /data, so replacing
# the container keeps every report: run it with -v quizroom-data:/data. Mount your own banks over /app/questions.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin quizroom \
    && mkdir -p /data \
    && chown quizroom:quizroom /data
WORKDIR /app
COPY --from=build /src/server/target/quizroom.jar /app/quizroom.jar
COPY questions /app/questions
ENV QUIZROOM_BANKS=/app/questions \
    QUIZROOM_PORT=8080 \
    QUIZROOM_DB=/data/quizroom.db
VOLUME ["/data"]
USER quizroom
EXPOSE 8080
# /health answers {"status":"ok",...} while the server runs; bash's /dev/tcp needs no curl in the image.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"status\":\"ok\"' <&3"]
# Inside a container the server cannot see the laptop's Wi-Fi address: pass it, e.g.
#   docker run -p 8080:8080 -v quizroom-data:/data -e QUIZROOM_PUBLIC_URL=http://192.168.1.20:8080 quizroom
CMD ["java", "-jar", "/app/quizroom.jar"]
