#pragma once

#include "app/post_service.h"
#include "http/router.h"

namespace persona::http {

// /api/v1/posts, /api/v1/posts/{id}/publish and /api/v1/posts/due.
void AddPostRoutes(Router& router, app::PostService& posts);

}  // namespace persona::http
