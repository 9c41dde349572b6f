package org.safecity.vision.internal;

import org.safecity.vision.internal.faces.BlazeFace;
import org.safecity.vision.internal.faces.FaceEmbedder;
import org.safecity.vision.internal.faces.FaceRes;
import org.safecity.vision.internal.faces.ModelFaceFinder;
import org.safecity.vision.internal.objects.NanoDet;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The models vision runs, each loaded once from the application's resources on first use, so an
 * instance that never looks at a picture does not hold them in memory. Each run of a model uses
 * {@code safecity.vision.threads-per-run} cores (default 1): many cameras' frames run side by side,
 * and one core a run gives the most frames a second; raise it only to answer single stills faster.
 */
@Configuration(proxyBeanMethods = false)
class VisionModels {

    @Bean(destroyMethod = "close")
    @Lazy
    OnnxModel blazeFaceModel(@Value("${safecity.vision.threads-per-run}") int threads) {
        return OnnxModel.load(BlazeFace.RESOURCE, threads);
    }

    @Bean(destroyMethod = "close")
    @Lazy
    OnnxModel faceResModel(@Value("${safecity.vision.threads-per-run}") int threads) {
        return OnnxModel.load(FaceRes.RESOURCE, threads);
    }

    @Bean(destroyMethod = "close")
    @Lazy
    OnnxModel nanoDetModel(@Value("${safecity.vision.threads-per-run}") int threads) {
        return OnnxModel.load(NanoDet.RESOURCE, threads);
    }

    @Bean
    @Lazy
    FaceEmbedder faceEmbedder(@Qualifier("faceResModel") OnnxModel faceResModel) {
        return new FaceRes(faceResModel);
    }

    @Bean
    @Lazy
    FaceFinder faceFinder(@Qualifier("blazeFaceModel") OnnxModel blazeFaceModel, FaceEmbedder faceEmbedder) {
        return new ModelFaceFinder(new BlazeFace(blazeFaceModel), faceEmbedder);
    }

    @Bean
    @Lazy
    ObjectFinder objectFinder(@Qualifier("nanoDetModel") OnnxModel nanoDetModel) {
        return new NanoDet(nanoDetModel);
    }
}
